using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using VibeCoder.TestServers.Net;

namespace VibeCoder.Gateway.Tests;

/// <summary>
/// The real gateway (co-hosted silo, SQLite in a temp folder, offline content) on a loopback Kestrel port, so
/// both HttpClient and a browser can reach it. Shared by the tests of a collection; a derived fixture adds settings.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    public const int QuotaPerHour = 3;

    /// <summary>The key <see cref="Client"/> presents: a trusted integration (not rate-limited, may name a user).</summary>
    public const string ApiKey = "gateway-tests-api-key-0123456789";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vibecoder-gateway-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>Settings on top of the defaults (later wins).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("STORAGE", "sqlite");
            builder.UseSetting("SQLITE_PATH", Path.Combine(_folder, "gateway.db"));
            builder.UseSetting("QUOTA_PER_HOUR", QuotaPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("API_KEYS", ApiKey);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (name, value) in LoopbackPorts.OrleansSettings().Concat(ExtraSettings))
            {
                builder.UseSetting(name, value);
            }
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Client = _factory.CreateClient();
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        BaseAddress = Client.BaseAddress!;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
