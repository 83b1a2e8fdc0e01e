namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Who may open the dashboard, and how much it keeps. Credentials come from the environment:
/// <c>DASHBOARD_USERNAME</c> + <c>DASHBOARD_PASSWORD</c> (HTTP Basic) and/or <c>DASHBOARD_TOKEN</c>
/// (<c>Authorization: Bearer …</c> or <c>?token=…</c>). Other settings bind from the section "Dashboard".
/// </summary>
/// <remarks>
/// With no credentials set, only loopback clients may open the dashboard (others get 403): safe by default on a
/// developer machine, closed behind an ingress until credentials are configured. The log tail keeps 500 events
/// by default (50..10,000).
/// </remarks>
public sealed class DashboardAccessOptions
{
    /// <summary>The configuration section of the non-secret settings.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>The Basic auth user name (<c>DASHBOARD_USERNAME</c>), or null.</summary>
    public string? Username { get; set; }

    /// <summary>The Basic auth password (<c>DASHBOARD_PASSWORD</c>), or null. A secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The bearer token (<c>DASHBOARD_TOKEN</c>), or null. A secret: never logged.</summary>
    public string? Token { get; set; }


    /// <summary>Whether any credential is configured (then credentials are required from every client).</summary>
    public bool RequiresCredentials => HasBasic || !string.IsNullOrEmpty(Token);

    /// <summary>Whether Basic credentials are configured.</summary>
    public bool HasBasic => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}
