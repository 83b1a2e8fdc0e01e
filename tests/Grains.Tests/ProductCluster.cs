using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.TestingHost;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Hosting;
using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Grains.Tests;

/// <summary>
/// Two silos hosting the product grains over one shared store, writing content through the real OpenAI client
/// against the loopback stand-in, with short watchdog and retry periods. Shared by every test of the collection
/// (<see cref="ProductClusterCollection"/>); a test that kills a silo starts a replacement before it ends.
/// </summary>
public sealed class ProductCluster : IAsyncLifetime
{
    /// <summary>How long any single await of a test may take.</summary>
    public static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(45);

    /// <summary>The hourly quota every user of this cluster has.</summary>
    public const int QuotaPerHour = 2;

    /// <summary>How long a job may wait out an outage of the AI service in this cluster.</summary>
    public static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(6);

    public OpenAiStandInServer OpenAi { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        OpenAi = await OpenAiStandInServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-key",
            ["OPENAI_BASE_URL"] = OpenAi.BaseUrl.ToString(),
            ["Content:MaxRetryAttempts"] = "0",
            ["Content:RetryBaseDelay"] = "00:00:00.010",
            ["Content:AttemptTimeout"] = "00:00:30",

            // An outage test opens the breaker of a silo; a short break keeps the next test from waiting long for it.
            ["Content:CircuitBreakerBreakDuration"] = "00:00:01",
            ["Carousel:JobDeadline"] = JobDeadline.ToString(),
            ["Carousel:OutageRetryMaxDelay"] = "00:00:00.500",
            ["Carousel:WatchdogPeriod"] = "00:00:01",
            ["Carousel:RetryBaseDelay"] = "00:00:00.010",
            ["Carousel:WriteTimeout"] = "00:00:30",
            ["QUOTA_PER_HOUR"] = QuotaPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureHost(host =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddCarouselServices(host.Configuration);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            TestStorage.Configure(silo);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        builder.ConfigureClient(TestStorage.Configure);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await OpenAi.DisposeAsync();
    }

    /// <summary>The silo the grain is active on, or null when it is not active anywhere.</summary>
    public InProcessSiloHandle? SiloOf(IAddressable grain)
    {
        return Cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
            ? Cluster.Silos.FirstOrDefault(silo => silo.SiloAddress.Equals(context.Address.SiloAddress))
            : null;
    }

    /// <summary>The job once it is final, long-polling the job grain (fails after <see cref="TestTimeout"/>).</summary>
    public async Task<CarouselJobSnapshot> WaitUntilFinalAsync(string jobId)
    {
        var job = Grains.GetGrain<ICarouselJobGrain>(jobId);
        var deadline = DateTime.UtcNow + TestTimeout;
        while (true)
        {
            CarouselJobSnapshot? snapshot;
            try
            {
                snapshot = await job.WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(TestTimeout);
            }
            catch (ConnectionFailedException) when (DateTime.UtcNow < deadline)
            {
                // A test killed a silo: the client learns that its gateway is gone from the first call sent through it,
                // drops it, and sends the next call through a live one.
                continue;
            }

            if (snapshot is { IsFinal: true })
            {
                return snapshot;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {jobId} is still {snapshot?.Status.ToString() ?? "missing"}.");
            }
        }
    }

    public static CarouselRequest Request(string topic, int slides = 4, string? userId = null) =>
        new(topic, slides, "en", new RenderOptions("midnight", SlideSize.Portrait, "@tests", null), userId, null);

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A valid model answer with <paramref name="slides"/> slides.</summary>
    public static ScriptedChatResponse ModelAnswer(int slides, string title = "Morning routines that stick") => CarouselAnswers.Valid(slides, title);
}
