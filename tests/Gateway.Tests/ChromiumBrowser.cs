using Microsoft.Playwright;

namespace VibeCoder.Gateway.Tests;

/// <summary>
/// Headless Debian Chromium driven by Playwright. The test command installs the <c>chromium</c> package; if it
/// is missing the test fails with that instruction rather than being skipped.
/// </summary>
public static class ChromiumBrowser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run `apt-get install -y chromium` (tests/run.sh does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }
}
