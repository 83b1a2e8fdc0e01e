using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Gateway.Tests.Faults;

/// <summary>"Rewrite this slide" while the AI service is down: 503 with Retry-After, and the carousel is unchanged.</summary>
[Collection(OpenAiGatewayCollection.Name)]
public sealed class RewriteOutageTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly OpenAiGatewayFixture _fixture;

    public RewriteOutageTests(OpenAiGatewayFixture fixture)
    {
        _fixture = fixture;
        _fixture.OpenAi.Reset();
    }

    public void Dispose() => _fixture.OpenAi.Outage = null;

    [Fact]
    public async Task Rewrite_AiServiceDown_Returns503WithRetryAfterAndChangesNothing()
    {
        _fixture.OpenAi.WhenEmpty = CarouselAnswers.Valid(4);
        var created = await _fixture.Client.PostAsJsonAsync("/api/carousels", new { topic = $"Rewrite outage {Guid.NewGuid():N}", slides = 4 }).WaitAsync(Timeout);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var before = await _fixture.Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{id}?waitSeconds=25").WaitAsync(Timeout);
        Assert.Equal("completed", before.GetProperty("status").GetString());
        _fixture.OpenAi.Outage = ScriptedChatResponse.Error(503, "Service unavailable.");

        using var response = await _fixture.Client.PostAsync($"/api/carousels/{id}/slides/2/rewrite", null).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        var after = await _fixture.Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{id}").WaitAsync(Timeout);
        Assert.Equal(0, after.GetProperty("revision").GetInt32());
        Assert.Equal(before.GetProperty("slides")[1].GetProperty("heading").GetString(), after.GetProperty("slides")[1].GetProperty("heading").GetString());
    }
}
