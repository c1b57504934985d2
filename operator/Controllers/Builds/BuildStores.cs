using Kube.Models;
using Kube.Runtime.Cache;
using Paas.Platform.Api;

namespace Paas.Controllers.Builds;

/// <summary>The informer caches the Build controller reads: Builds, their Apps, their Jobs and the Secrets config comes from.</summary>
public sealed record BuildStores(IObjectStore<Build> Builds, IObjectStore<App> Apps, IObjectStore<Job> Jobs, IObjectStore<Secret> Secrets);
