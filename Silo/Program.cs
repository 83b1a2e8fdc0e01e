using VibeCoder.Silo.Hosting;

// A silo on its own (for a cluster); the Gateway co-hosts the same silo by default.
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddVibeCoderSilo();
    var app = builder.Build();
    app.MapVibeCoderHealth();
    await app.RunAsync();
    return 0;
}
catch (InvalidConfigurationException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
