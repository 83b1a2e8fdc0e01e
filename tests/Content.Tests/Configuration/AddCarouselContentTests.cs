using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Content.Tests.Support;

namespace VibeCoder.Content.Tests.Configuration;

public sealed class AddCarouselContentTests
{
    private const string SecretKey = "sk-test-very-secret-0123456789";

    private static (ServiceProvider Services, CapturingLoggerProvider Logs) Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddCarouselContent(configuration)
            .BuildServiceProvider(validateScopes: true);
        return (services, logs);
    }

    private static OptionsValidationException ValidationFailure(Dictionary<string, string?> settings)
    {
        var (services, _) = Build(settings);
        using (services)
        {
            return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ContentOptions>>().Value);
        }
    }

    [Fact]
    public void AddCarouselContent_NoApiKey_UsesOfflineAndSaysSo()
    {
        var (services, logs) = Build([]);
        using (services)
        {
            var generator = services.GetRequiredService<IContentGenerator>();

            Assert.IsType<OfflineContentGenerator>(generator);
            Assert.Equal("offline", generator.Name);
            Assert.Single(logs.Lines, line => line.Contains("Content generator: offline", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AddCarouselContent_ApiKeySet_UsesOpenAiAndNeverLogsTheKey()
    {
        var (services, logs) = Build(new()
        {
            ["OPENAI_API_KEY"] = SecretKey,
            ["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1",
            ["OPENAI_MODEL"] = "my-model",
        });
        using (services)
        {
            var generator = services.GetRequiredService<IContentGenerator>();
            Assert.Same(generator, services.GetRequiredService<IContentGenerator>());

            Assert.IsType<OpenAiContentGenerator>(generator);
            Assert.Equal("openai", generator.Name);
            var line = Assert.Single(logs.Lines, l => l.Contains("Content generator: OpenAI", StringComparison.Ordinal));
            Assert.Contains("my-model", line, StringComparison.Ordinal);
            Assert.Contains("http://127.0.0.1:9", line, StringComparison.Ordinal);
            Assert.DoesNotContain(logs.Lines, l => l.Contains(SecretKey, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AddCarouselContent_Defaults_AreDocumentedValues()
    {
        var (services, _) = Build([]);
        using (services)
        {
            var options = services.GetRequiredService<IOptions<ContentOptions>>().Value;

            Assert.Null(options.ApiKey);
            Assert.Null(options.BaseUrl);
            Assert.Equal("gpt-4o-mini", options.Model);
            Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
            Assert.Equal(3, options.MaxRetryAttempts);
        }
    }

    [Fact]
    public void AddCarouselContent_ResilienceSection_Bound()
    {
        var (services, _) = Build(new()
        {
            ["Content:AttemptTimeout"] = "00:00:05",
            ["Content:MaxRetryAttempts"] = "1",
            ["Content:RetryBaseDelay"] = "00:00:00.010",
            ["OPENAI_MODEL"] = "",
        });
        using (services)
        {
            var options = services.GetRequiredService<IOptions<ContentOptions>>().Value;

            Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
            Assert.Equal(1, options.MaxRetryAttempts);
            Assert.Equal(TimeSpan.FromMilliseconds(10), options.RetryBaseDelay);
            Assert.Equal("gpt-4o-mini", options.Model);
        }
    }

    [Theory]
    [InlineData("ftp://example.com/v1")]
    [InlineData("not a url")]
    [InlineData("/v1/relative")]
    [InlineData("file:///etc/passwd")]
    public void AddCarouselContent_BadBaseUrl_FailsNamingTheVariable(string baseUrl)
    {
        var failure = ValidationFailure(new() { ["OPENAI_BASE_URL"] = baseUrl });

        Assert.Contains("OPENAI_BASE_URL must be an absolute http:// or https:// URL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCarouselContent_BaseUrlWithCredentials_FailsWithoutEchoingThem()
    {
        var failure = ValidationFailure(new() { ["OPENAI_BASE_URL"] = "https://user:hunter2@example.com/v1" });

        Assert.Contains("OPENAI_BASE_URL must not contain credentials", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCarouselContent_ApiKeyWithLineBreak_FailsWithoutEchoingIt()
    {
        var failure = ValidationFailure(new() { ["OPENAI_API_KEY"] = "sk-abc\ndef" });

        Assert.Contains("OPENAI_API_KEY must not contain", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-abc", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCarouselContent_ModelWithSpaces_FailsNamingTheVariable()
    {
        var failure = ValidationFailure(new() { ["OPENAI_MODEL"] = "gpt 4" });

        Assert.Contains("OPENAI_MODEL", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content:AttemptTimeout", "00:00:00", "AttemptTimeout")]
    [InlineData("Content:MaxRetryAttempts", "11", "MaxRetryAttempts")]
    [InlineData("Content:CircuitBreakerFailureRatio", "0", "CircuitBreakerFailureRatio")]
    [InlineData("Content:CircuitBreakerMinimumThroughput", "1", "CircuitBreakerMinimumThroughput")]
    [InlineData("Content:CircuitBreakerBreakDuration", "00:00:00.100", "CircuitBreakerBreakDuration")]
    [InlineData("Content:RetryMaxDelay", "00:00:00.001", "RetryMaxDelay")]
    public void AddCarouselContent_ResilienceOutOfRange_FailsNamingTheSetting(string key, string value, string expected)
    {
        var failure = ValidationFailure(new() { [key] = value });

        Assert.Contains($"Content:{expected}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCarouselContent_InvalidSettings_HostRefusesToStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = "nope" });
        builder.Services.AddCarouselContent(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync()).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("OPENAI_BASE_URL", failure.Message, StringComparison.Ordinal);
    }
}
