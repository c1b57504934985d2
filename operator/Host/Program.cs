using System.CommandLine;
using Paas.Host.Commands;

var root = new RootCommand("paas-operator: Heroku's developer experience as a Kubernetes operator.")
{
    RunCommand.Create(),
    CrdsCommand.Create(),
    RenderCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
