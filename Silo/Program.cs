using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Silo;

/// <summary>
/// A silo on its own (for a cluster); the Gateway co-hosts the same silo by default. An explicit entry point
/// in a namespace, so it does not clash with the Gateway's <c>Program</c> in tests.
/// </summary>
public static class SiloProgram
{
    /// <summary>Runs the silo host until it is stopped.</summary>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.AddVibeCoderSilo();
            var app = builder.Build();
            app.MapVibeCoderHealth();
            app.MapVibeCoderDiagnostics();
            app.MapVibeCoderOps();
            await app.RunAsync();
            return 0;
        }
        catch (InvalidConfigurationException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
    }
}
