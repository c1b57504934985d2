# The paas-operator image: `docker build -t <registry>/paas-operator:<version> .` from the repository root.
# It cannot be built on the development machines of this project (no container runtime, no access to container
# registries); CI with Docker or a cluster builder builds it. Versions follow global.json (.NET 10).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that a source change reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY operator/Host/Host.csproj operator/Host/
COPY operator/Controllers/Controllers.csproj operator/Controllers/
COPY operator/Webhook/Webhook.csproj operator/Webhook/
COPY operator/Platform/Platform.csproj operator/Platform/
COPY operator/Kube/Kube.csproj operator/Kube/
COPY operator/Kube.Models/Kube.Models.csproj operator/Kube.Models/
COPY operator/Kube.Runtime/Kube.Runtime.csproj operator/Kube.Runtime/
COPY operator/Kube.Testing/Kube.Testing.csproj operator/Kube.Testing/
RUN dotnet restore operator/Host/Host.csproj
COPY operator/ operator/
RUN dotnet publish operator/Host/Host.csproj -c Release --no-restore -o /out /p:UseAppHost=true /p:DebugType=none

# The ASP.NET Core runtime (Kestrel serves the webhook, probes and metrics). The chiseled image has no shell and no
# package manager. It runs as uid 65532, not root, the uid the chart's securityContext names.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /out ./
USER 65532:65532
ENV DOTNET_gcServer=0 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# 8081 probes, 9443 webhook, 8080 metrics.
EXPOSE 8081 9443 8080
ENTRYPOINT ["/app/paas-operator"]
CMD ["run", "--leader-elect=true", "--probe-address=0.0.0.0:8081", "--log-format=json"]
