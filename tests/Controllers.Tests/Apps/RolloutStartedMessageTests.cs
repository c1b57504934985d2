using Kube.Models;
using Paas.Controllers.Apps;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Apps;

public class RolloutStartedMessageTests
{
    [Fact]
    public void One_message_names_every_process_type_and_deployment_of_the_rollout()
    {
        var message = AppWorkloads.RolloutStartedMessage(3, [Deployment("shop-web", "web"), Deployment("shop-worker", "worker")]);

        message.Should().Be("Rolling out v3 to the web, worker dynos (Deployments shop-web, shop-worker).");
    }

    [Fact]
    public void A_rollout_of_one_type_names_its_deployment_in_the_singular()
    {
        var message = AppWorkloads.RolloutStartedMessage(2, [Deployment("shop-worker", "worker")]);

        message.Should().Be("Rolling out v2 to the worker dynos (Deployment shop-worker).");
    }

    private static Deployment Deployment(string name, string processType) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { [PaasLabels.ProcessType] = processType } },
        Spec = new DeploymentSpec { Selector = new LabelSelector(), Template = new PodTemplateSpec { Spec = new PodSpec { Containers = [] } } },
    };
}
