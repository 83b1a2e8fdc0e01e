using System.Diagnostics;
using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VibeCoder.Gateway.Edge;
using VibeCoder.TestServers.Net;

namespace VibeCoder.Gateway.Tests.Edge;

public sealed class PublicApiOptionsTests
{
    [Fact]
    public void Bind_NetworksAndAddresses_ParsesEachAsANetwork()
    {
        var options = Bind(new() { ["FORWARDED_HEADERS_KNOWN_NETWORKS"] = " 10.0.0.0/8, 192.168.1.7 ,fd00::/8", ["API_KEYS"] = "first-key-0123456789,,second-key-0123456789" });

        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.168.1.7/32"), IPNetwork.Parse("fd00::/8")], options.KnownNetworks);
        Assert.Equal(2, options.ApiKeys.Count);
        Assert.Equal(10, options.PermitsPerMinute);
        Assert.True(new PublicApiOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("FORWARDED_HEADERS_KNOWN_NETWORKS", "10.0.0/8")]
    [InlineData("FORWARDED_HEADERS_KNOWN_NETWORKS", "10.0.0.1/8")]
    [InlineData("FORWARDED_HEADERS_KNOWN_NETWORKS", "ingress")]
    [InlineData("API_RATE_LIMIT_PER_MINUTE", "ten")]
    [InlineData("API_RATE_LIMIT_PER_MINUTE", "-1")]
    public void Validate_UnreadableSetting_FailsNamingIt(string setting, string value)
    {
        var result = new PublicApiOptionsValidator().Validate(null, Bind(new() { [setting] = value }));

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortApiKey_FailsNamingTheSettingButNotTheKey()
    {
        var result = new PublicApiOptionsValidator().Validate(null, Bind(new() { ["API_KEYS"] = "long-enough-key-0123456789,short-secret" }));

        Assert.True(result.Failed);
        Assert.Contains("API_KEYS: key 2", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_InvalidKnownNetwork_ExitsWithOneLineNamingTheSetting()
    {
        // The gateway process itself (beside this assembly), as a deployment would start it.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "VibeCoder.Gateway.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["STORAGE"] = "memory";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["FORWARDED_HEADERS_KNOWN_NETWORKS"] = "10.0.0.0/8,10.0.0/8";
        foreach (var (name, value) in LoopbackPorts.OrleansSettings())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("FORWARDED_HEADERS_KNOWN_NETWORKS: '10.0.0/8'", await error + await output, StringComparison.Ordinal);
    }

    private static PublicApiOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new PublicApiOptions();
        PublicApiOptionsBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), options);
        return options;
    }
}

/// <summary>The embedded defaults: no proxy is trusted, not even loopback.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DefaultForwardedHeadersTests(GatewayFixture fixture)
{
    [Fact]
    public void ForwardedHeaders_NoKnownNetworks_NoneAppliedAndNoProxyTrusted()
    {
        var forwarded = ((IOptions<ForwardedHeadersOptions>)fixture.Services.GetService(typeof(IOptions<ForwardedHeadersOptions>))!).Value;

        Assert.Equal(ForwardedHeaders.None, forwarded.ForwardedHeaders);
        Assert.Empty(forwarded.KnownIPNetworks);
        Assert.Empty(forwarded.KnownProxies);
    }
}
