using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Carousels.EditLinks;

namespace VibeCoder.Gateway.Tests.Edits;

public sealed class EditLinkSignerTests
{
    private const string Secret = "edit-link-tests-secret-0123456789abcdef";
    private const string JobId = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Check_FreshToken_IsValidAndNamesTheUser()
    {
        var link = await Signer(Now).IssueAsync(JobId, "42");

        var check = await Signer(Now.AddHours(23)).CheckAsync(JobId, link.Token);

        Assert.Equal(EditTokenStatus.Valid, check.Status);
        Assert.Equal("42", check.UserId);
        Assert.Equal(Now.AddHours(24), link.ExpiresAt);
    }

    [Fact]
    public async Task Check_AtExpiry_IsExpired()
    {
        var link = await Signer(Now).IssueAsync(JobId, null);

        var check = await Signer(Now.AddHours(24)).CheckAsync(JobId, link.Token);

        Assert.Equal(EditTokenStatus.Expired, check.Status);
    }

    [Fact]
    public async Task Check_OtherJob_IsOtherCarousel()
    {
        var link = await Signer(Now).IssueAsync(JobId, null);

        var check = await Signer(Now).CheckAsync("fedcba9876543210fedcba9876543210", link.Token);

        Assert.Equal(EditTokenStatus.OtherCarousel, check.Status);
    }

    [Fact]
    public async Task Check_OneCharacterOfTheSignatureChanged_IsInvalid()
    {
        var token = (await Signer(Now).IssueAsync(JobId, null)).Token;
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        var check = await Signer(Now).CheckAsync(JobId, flipped);

        Assert.Equal(EditTokenStatus.Invalid, check.Status);
    }

    [Fact]
    public async Task Check_SignedWithAnotherSecret_IsInvalid()
    {
        var link = await Signer(Now, secret: new string('z', 40)).IssueAsync(JobId, null);

        Assert.Equal(EditTokenStatus.Invalid, (await Signer(Now).CheckAsync(JobId, link.Token)).Status);
    }

    [Theory]
    [InlineData(null, EditTokenStatus.Missing)]
    [InlineData("", EditTokenStatus.Missing)]
    [InlineData("no-dot-here", EditTokenStatus.Invalid)]
    [InlineData("!!!.???", EditTokenStatus.Invalid)]
    public async Task Check_JunkToken_IsMissingOrInvalid(string? token, EditTokenStatus expected)
    {
        Assert.Equal(expected, (await Signer(Now).CheckAsync(JobId, token)).Status);
    }

    [Fact]
    public async Task Issue_PublicBaseUrlWithPath_PutsJobInQueryAndTokenInFragment()
    {
        var signer = Signer(Now, baseUrl: new Uri("https://carousels.example.com/app/"));

        var link = await signer.IssueAsync(JobId, "7");

        Assert.Equal($"https://carousels.example.com/app/?job={JobId}#token={link.Token}", link.Url.ToString());
    }

    [Fact]
    public void Options_NothingSet_UsesWebhookOriginElseLocalDefault()
    {
        Assert.Equal("http://localhost:8080", Bind([]).EffectiveBaseUrl);
        Assert.Equal("https://bot.example.test", Bind(new() { ["TELEGRAM_WEBHOOK_URL"] = "https://bot.example.test/telegram/webhook" }).EffectiveBaseUrl);
        Assert.Equal("https://web.example.test", Bind(new()
        {
            ["TELEGRAM_WEBHOOK_URL"] = "https://bot.example.test/telegram/webhook",
            ["PUBLIC_BASE_URL"] = "https://web.example.test/",
        }).EffectiveBaseUrl);
    }

    [Theory]
    [InlineData("EDIT_LINK_SECRET", "too-short", "EDIT_LINK_SECRET must have at least 32")]
    [InlineData("EDIT_LINK_HOURS", "0", "EDIT_LINK_HOURS must be 1–720")]
    [InlineData("EDIT_LINK_HOURS", "a day", "EDIT_LINK_HOURS must be a whole number")]
    [InlineData("PUBLIC_BASE_URL", "carousels.example.com", "PUBLIC_BASE_URL must be an absolute")]
    [InlineData("PUBLIC_BASE_URL", "https://user:pw@example.com", "PUBLIC_BASE_URL must be an absolute")]
    public void AddEditLinks_BadSetting_FailsNamingIt(string setting, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value }).Build();
        using var services = new ServiceCollection().AddEditLinks(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EditLinkOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short", error.Message, StringComparison.Ordinal);
    }

    private static EditLinkOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new EditLinkOptions();
        EditLinkOptionsBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), options);
        return options;
    }

    // With a configured secret the signer never asks the cluster for its key, so no grain factory is needed.
    private static EditLinkSigner Signer(DateTimeOffset now, string secret = Secret, Uri? baseUrl = null) =>
        new(null!, new FixedClock(now), Options.Create(new EditLinkOptions { Secret = secret, PublicBaseUrl = baseUrl }));
}
