using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Hosting;
using VibeCoder.Persistence;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Streams;
using VibeCoder.Runtime.TestingHost;
using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Grains.Tests;

/// <summary>
/// A silo hosting the product grains over a SQLite file, writing content through the real OpenAI client
/// against the loopback stand-in, with short watchdog and retry periods.
/// </summary>
public static class ProductSilo
{
    public static Task<InProcessSilo> StartAsync(OpenAiStandInServer openAi, string databasePath, int quotaPerHour = 10)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-key",
            ["OPENAI_BASE_URL"] = openAi.BaseUrl.ToString(),
            ["Content:MaxRetryAttempts"] = "0",
            ["Content:RetryBaseDelay"] = "00:00:00.010",
            ["Content:AttemptTimeout"] = "00:00:30",
            ["Carousel:WatchdogPeriod"] = "00:00:00.300",
            ["Carousel:RetryBaseDelay"] = "00:00:00.010",
            ["Carousel:WriteTimeout"] = "00:00:30",
            ["QUOTA_PER_HOUR"] = quotaPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return InProcessSilo.StartAsync(
            silo =>
            {
                silo.AddGrains(GrainsAssembly.Assembly);
                silo.AddSqliteGrainStorage("Default", o => o.Path = databasePath);
                silo.UseSqliteReminderService(o => o.Path = databasePath);
                silo.AddMemoryStreams(VibeCoder.Grains.Events.DomainEventStreams.ProviderName);
            },
            services => services.AddCarouselServices(configuration),
            settings);
    }

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "vibecoder-grains-tests", Guid.NewGuid().ToString("N") + ".db");

    public static CarouselRequest Request(string topic, int slides = 4, string? userId = null) =>
        new(topic, slides, "en", new RenderOptions("midnight", SlideSize.Portrait, "@tests", null), userId, null);

    /// <summary>A valid model answer with <paramref name="slides"/> slides.</summary>
    public static ScriptedChatResponse ModelAnswer(int slides, string title = "Morning routines that stick")
    {
        var items = Enumerable.Range(1, slides).Select(i => new
        {
            kind = i == 1 ? "cover" : i == slides ? "call_to_action" : "content",
            heading = i == 1 ? title : i == slides ? "Save this for tomorrow" : $"Step {i - 1}: start small",
            body = i == slides ? "Follow for more routines that work." : "Pick one habit and attach it to something you already do every morning.",
        }).ToArray();
        var json = JsonSerializer.Serialize(new
        {
            title,
            slides = items,
            caption = "Small steps, every morning. Which one will you try first?",
            hashtags = new[] { "#morning", "#routine", "#habits" },
        });
        return ScriptedChatResponse.Success(json);
    }
}
