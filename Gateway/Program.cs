using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using VibeCoder.Gateway.Apis;
using VibeCoder.Gateway.Edge;
using VibeCoder.Gateway.Hosting;
using VibeCoder.Gateway.Telegram;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Hosting;

try
{
    // Settings come from the environment. Watching the content root for appsettings changes would also wake on
    // every write of the SQLite file under ./data, so reloading is off (a later --hostBuilder:… argument wins).
    var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
    if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
    {
        // The documented default; ASPNETCORE_URLS or --urls override it.
        builder.WebHost.UseUrls("http://localhost:8080");
    }

    builder.AddVibeCoderGrainAccess();
    builder.Services.AddGatewayApi();
    builder.Services.AddPublicApiProtection(builder.Configuration);
    builder.Services.AddTelegramBot(builder.Configuration);
    var app = builder.Build();
    app.UseForwardedHeaders();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.UsePublicApiProtection();
    app.MapVibeCoderHealth();
    app.MapVibeCoderDiagnostics();
    app.MapVibeCoderOps();
    app.MapCarouselsApi();
    app.MapCarouselEditsApi();
    app.MapEventsApi();
    app.MapTelegramWebhook();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (error is InvalidConfigurationException or OptionsValidationException)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

/// <summary>The gateway's entry point (named for <c>WebApplicationFactory</c> in tests).</summary>
public partial class Program;
