namespace Paas.Platform.Dynos;

/// <summary>A named dyno size and the container resources it maps to.</summary>
/// <param name="Name">Heroku's name, e.g. <c>standard-1x</c>.</param>
/// <param name="Memory">Memory request and limit, a Kubernetes quantity such as <c>512Mi</c>; equal so a dyno never gets less than its size.</param>
/// <param name="CpuRequest">CPU the scheduler reserves, e.g. <c>250m</c>.</param>
/// <param name="CpuLimit">CPU the dyno may burst to; equal to the request for dedicated sizes.</param>
public sealed record DynoSize(string Name, string Memory, string CpuRequest, string CpuLimit);
