using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VibeCoder.Cluster.Tests.Compose;
using VibeCoder.Cluster.Tests.Infrastructure;

namespace VibeCoder.Cluster.Tests;

/// <summary>
/// The images and the local stack, checked without a container engine (none on this machine): the Dockerfiles against
/// the projects and the hosts' endpoints, docker-compose.yml against the k8s manifests' variables, .env.example and the
/// topology, and the Prometheus, Grafana and Jaeger wiring, the dashboard's queries against the metrics the hosts export.
/// </summary>
public sealed partial class ComposeTests
{
    private const string LivenessPath = "/health/live";

    // ConfigMap and Secret keys the compose hosts leave out, and why.
    private static readonly Dictionary<string, string> NotForTheHosts = new(StringComparer.Ordinal)
    {
        ["POSTGRES_PASSWORD"] = "the database container's own; the hosts use POSTGRES_URL",
        ["FORWARDED_HEADERS_KNOWN_NETWORKS"] = "no proxy in front of the gateway on the local stack",
    };

    // Read once per run (each read starts node); the compose file is handed out as a fresh copy, tests change it.
    private static readonly Lazy<Task<KubernetesSettings>> Manifests = new(KubernetesSettings.ReadAsync);
    private static readonly Lazy<Task<string>> ComposeJson = new(async () => (await RepositoryFiles.ReadYamlAsync("docker-compose.yml"))[0]!.ToJsonString());

    [Theory]
    [InlineData("Silo")]
    [InlineData("Gateway")]
    public async Task Dockerfile_OfEachHost_BuildsItsProjectsAndRunsUnprivilegedWithAHealthCheck(string host)
    {
        var settings = await Manifests.Value;
        var http = new Uri(settings.ConfigMap["ASPNETCORE_URLS"]).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] ports = host == "Silo" ? [http, settings.ConfigMap["ORLEANS_SILO_PORT"], settings.ConfigMap["ORLEANS_GATEWAY_PORT"]] : [http];
        Assert.True(HostsMap(LivenessPath), $"No host maps {LivenessPath}.");

        var problems = DockerfileChecks.Problems(RepositoryFiles.Read(host, "Dockerfile"), $"{host}/{host}.csproj", LivenessPath, ports, RendererPackages());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Dockerfile_AsRootWithoutAProjectAndHealthCheck_IsReported()
    {
        var dockerfile = RepositoryFiles.Read("Silo", "Dockerfile");
        var broken = dockerfile.Replace("USER $APP_UID", "USER root", StringComparison.Ordinal)
            .Replace("COPY Content/Content.csproj Content/", "", StringComparison.Ordinal)
            .Replace(LivenessPath, "/health/alive", StringComparison.Ordinal);

        var problems = string.Join(Environment.NewLine, DockerfileChecks.Problems(broken, "Silo/Silo.csproj", LivenessPath, ["8080"], RendererPackages()));

        Assert.Contains("user other than root", problems, StringComparison.Ordinal);
        Assert.Contains("Content/Content.csproj", problems, StringComparison.Ordinal);
        Assert.Contains($"no HEALTHCHECK … CMD against {LivenessPath}", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerIgnore_KeepsOutputsAndSecretsOut_AndTheProjectsIn()
    {
        var patterns = RepositoryFiles.Read(".dockerignore").ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToArray();
        var needed = ProjectGraph.Closure("Gateway/Gateway.csproj").Select(file => file[..file.LastIndexOf('/')])
            .Concat(["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"]);

        Assert.Contains("**/bin/", patterns);
        Assert.Contains("**/obj/", patterns);
        Assert.Contains(".env", patterns);
        Assert.DoesNotContain(needed, path => patterns.Any(pattern => pattern.TrimEnd('/') == path));
    }

    [Fact]
    public async Task Compose_HostsAndDatabase_SetOnlyVariablesTheManifestsSet()
    {
        var settings = await Manifests.Value;

        var problems = ComposeChecks.EnvironmentProblems(await ReadComposeAsync(), settings.AllVariables);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var sources = ProductSources();
        Assert.DoesNotContain(ComposeChecks.ComposeOnlyVariables.Keys, name => !sources.Contains($"\"{name}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compose_WithAMisspelledVariable_IsReported()
    {
        var settings = await Manifests.Value;
        var compose = await ReadComposeAsync();
        compose["services"]!["gateway"]!["environment"]!["TELEGRAM_MODDE"] = "off";

        var problems = ComposeChecks.EnvironmentProblems(compose, settings.AllVariables);

        Assert.Equal(["gateway: TELEGRAM_MODDE is set by neither the k8s manifests nor the compose-only list"], problems);
    }

    [Fact]
    public async Task Compose_Hosts_GetEveryManifestSetting_AndSecretsOnlyFromTheUncommittedEnvFile()
    {
        var settings = await Manifests.Value;
        var compose = await ReadComposeAsync();
        var expected = settings.ConfigMap.Keys.Concat(settings.SecretKeys).Where(name => !NotForTheHosts.ContainsKey(name)).ToArray();

        foreach (var (name, host) in ComposeChecks.Hosts(compose))
        {
            var environment = ComposeChecks.Environment(host);
            Assert.True(expected.All(environment.ContainsKey), $"{name} lacks {string.Join(", ", expected.Where(key => !environment.ContainsKey(key)))}");
        }

        Assert.Empty(ComposeChecks.LiteralSecrets(compose, settings.SecretKeys));
        Assert.Equal(
            ComposeChecks.EnvFile(RepositoryFiles.Read(".env.example")).Keys.Order(StringComparer.Ordinal),
            ComposeChecks.InterpolatedNames(RepositoryFiles.Read("docker-compose.yml")).Order(StringComparer.Ordinal));
        Assert.Contains(".env", RepositoryFiles.Read(".gitignore").ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()));
    }

    [Fact]
    public async Task Compose_Services_BuildTheDockerfiles_AndFormTheProductionTopology()
    {
        var compose = await ReadComposeAsync();
        var services = ComposeChecks.Services(compose);
        var hosts = ComposeChecks.Hosts(compose);
        var silos = hosts.Where(host => host.Value["build"]!["dockerfile"]!.ToString() == "Silo/Dockerfile").ToArray();
        var gateways = hosts.Where(host => host.Value["build"]!["dockerfile"]!.ToString() == "Gateway/Dockerfile").ToArray();

        Assert.True(silos.Length >= 2, "expected two silos or more");
        Assert.NotEmpty(gateways);
        Assert.Equal(hosts.Count, silos.Length + gateways.Length);
        foreach (var (name, host) in hosts)
        {
            Assert.Equal(".", host["build"]!["context"]!.ToString());
            var environment = ComposeChecks.Environment(host);
            Assert.Equal("postgres", environment["STORAGE"]);
            Assert.True(ComposeChecks.Seconds(host["stop_grace_period"]!.ToString()) > double.Parse(environment["SHUTDOWN_TIMEOUT_SECONDS"]!, System.Globalization.CultureInfo.InvariantCulture),
                $"{name}: stop_grace_period must exceed SHUTDOWN_TIMEOUT_SECONDS (Docker's default is 10 s)");
            Assert.Contains(ComposeChecks.HostOf(environment["OTEL_EXPORTER_OTLP_ENDPOINT"]!), services.Keys);
        }

        var addresses = new List<string>();
        foreach (var (name, silo) in silos)
        {
            var advertised = ComposeChecks.Environment(silo)["ORLEANS_ADVERTISED_IP"];
            var assigned = silo["networks"]!.AsObject().Select(network => network.Value?["ipv4_address"]?.ToString()).ToArray();
            Assert.True(advertised is not null && assigned.Contains(advertised), $"{name} must advertise its own fixed address");
            addresses.Add(advertised!);
            Assert.Equal("service_healthy", silo["depends_on"]!["postgres"]!["condition"]!.ToString());
        }

        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        foreach (var (name, gateway) in gateways)
        {
            Assert.Equal("client", ComposeChecks.Environment(gateway)["GATEWAY_MODE"]);
            Assert.All(silos, silo => Assert.Equal("service_healthy", gateway["depends_on"]![silo.Key]!["condition"]!.ToString()));
        }

        var postgres = services["postgres"];
        Assert.StartsWith("postgres:", postgres["image"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("pg_isready", postgres["healthcheck"]!["test"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(postgres["volumes"]!.AsArray(), volume => volume!.ToString().EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
        Assert.Equal("postgres", new Uri(ComposeChecks.EnvFile(RepositoryFiles.Read(".env.example"))["POSTGRES_URL"]).Host);
    }

    [Fact]
    public async Task Compose_Observability_ScrapesEveryHost_AndProvisionsGrafanaFromTheRepository()
    {
        var settings = await Manifests.Value;
        var compose = await ReadComposeAsync();
        var services = ComposeChecks.Services(compose);
        var http = new Uri(settings.ConfigMap["ASPNETCORE_URLS"]).Port;
        var mounts = services.SelectMany(service => service.Value["volumes"]?.AsArray().Select(volume => (Service: service.Key, Mount: volume!.ToString())) ?? [])
            .Where(volume => volume.Mount.StartsWith("./", StringComparison.Ordinal))
            .Select(volume => (volume.Service, Source: volume.Mount.Split(':')[0], Target: volume.Mount.Split(':')[1]))
            .ToArray();
        Assert.All(mounts, mount => Assert.True(File.Exists(RepositoryFiles.PathOf(mount.Source)) || Directory.Exists(RepositoryFiles.PathOf(mount.Source)), mount.Source));

        var prometheus = (await RepositoryFiles.ReadYamlAsync(mounts.Single(m => m.Service == "prometheus").Source))[0]!;
        var scraped = prometheus["scrape_configs"]!.AsArray()
            .Where(job => (job!["metrics_path"]?.ToString() ?? "/metrics") == "/metrics")
            .SelectMany(job => job!["static_configs"]!.AsArray().SelectMany(config => config!["targets"]!.AsArray().Select(target => target!.ToString())));
        Assert.Equal(
            ComposeChecks.Hosts(compose).Keys.Select(host => $"{host}:{http}").Order(StringComparer.Ordinal),
            scraped.Order(StringComparer.Ordinal));
        Assert.Equal("false", ComposeChecks.Environment(services["gateway"])["METRICS_REQUIRE_AUTH"]);

        var provisioning = mounts.Single(m => m.Service == "grafana" && m.Target == "/etc/grafana/provisioning").Source;
        var datasources = (await RepositoryFiles.ReadYamlAsync($"{provisioning}/datasources/datasources.yml"))[0]!["datasources"]!.AsArray();
        Assert.All(datasources, datasource => Assert.Contains(ComposeChecks.HostOf(datasource!["url"]!.ToString()), services.Keys));
        var prometheusUid = datasources.Single(datasource => datasource!["type"]!.ToString() == "prometheus")!["uid"]!.ToString();
        var dashboardsPath = (await RepositoryFiles.ReadYamlAsync($"{provisioning}/dashboards/dashboards.yml"))[0]!["providers"]![0]!["options"]!["path"]!.ToString();
        var dashboards = mounts.Single(m => m.Service == "grafana" && m.Target == dashboardsPath).Source;
        var dashboard = JsonNode.Parse(RepositoryFiles.Read(dashboards, "vibecoder.json"))!;
        Assert.All(DatasourceUids(dashboard), uid => Assert.Equal(prometheusUid, uid));
    }

    [Fact]
    public void GrafanaDashboard_Queries_ShowExportedSeries_AndEveryProductInstrument()
    {
        var (product, orleans) = Instruments();
        var dashboard = JsonNode.Parse(RepositoryFiles.Read("deploy", "compose", "grafana", "dashboards", "vibecoder.json"))!;

        var problems = DashboardChecks.Problems(dashboard, product, orleans);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(DashboardChecks.Queries(dashboard), query => query.Contains("orleans_catalog_activations", StringComparison.Ordinal));
    }

    [Fact]
    public void GrafanaDashboard_WithAMisspelledOrUnexportedSeries_IsReported()
    {
        var (product, orleans) = Instruments();
        var text = RepositoryFiles.Read("deploy", "compose", "grafana", "dashboards", "vibecoder.json");
        var broken = text.Replace("vibecoder_carousel_jobs_total", "vibecoder_carousel_job_total", StringComparison.Ordinal)
            .Replace("orleans_catalog_activations)", "orleans_messaging_sent_messages_size)", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);

        var problems = DashboardChecks.Problems(JsonNode.Parse(broken)!, product, orleans);

        Assert.Contains("vibecoder_carousel_job_total: no exported instrument vibecoder_carousel_job", problems);
        Assert.Contains("no panel shows vibecoder_carousel_jobs", problems);
        Assert.Contains("orleans_messaging_sent_messages_size: no exported instrument orleans_messaging_sent_messages_size", problems);
    }

    private static async Task<JsonObject> ReadComposeAsync() => JsonNode.Parse(await ComposeJson.Value)!.AsObject();

    private static (IReadOnlySet<string> Product, IReadOnlySet<string> Orleans) Instruments() =>
        (ExportedInstruments.Product(ProductFolders()), ExportedInstruments.Orleans(Path.GetDirectoryName(HostBinaries.Find("Silo", "VibeCoder.Silo.dll"))!));

    private static IEnumerable<string> ProductFolders() =>
        ProjectGraph.Closure("Gateway/Gateway.csproj").Select(file => Path.GetDirectoryName(RepositoryFiles.PathOf(file))!);

    private static string ProductSources() =>
        string.Join('\n', ProductFolders().SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)).Select(File.ReadAllText));

    private static bool HostsMap(string path) => ProductSources().Contains($"MapHealthChecks(\"{path}\"", StringComparison.Ordinal);

    // The Debian packages tests/run.sh installs for the renderer (fontconfig and the fonts), which the images need too.
    private static string[] RendererPackages() =>
        RunScriptPackage().Matches(RepositoryFiles.Read("tests", "run.sh")).Select(match => match.Groups["package"].Value)
            .Where(package => package.StartsWith("fonts-", StringComparison.Ordinal) || package.Contains("fontconfig", StringComparison.Ordinal))
            .ToArray();

    private static IEnumerable<string> DatasourceUids(JsonNode? node) => node switch
    {
        JsonObject map => map.SelectMany(entry => entry.Key == "datasource" && entry.Value?["uid"] is JsonValue uid
            ? [uid.ToString()]
            : DatasourceUids(entry.Value)),
        JsonArray list => list.SelectMany(DatasourceUids),
        _ => [],
    };

    [GeneratedRegex(@"dpkg -s (?<package>[a-z0-9.+-]+)")]
    private static partial Regex RunScriptPackage();
}
