using System.Net.Http.Json;
using System.Text.Json;

namespace VibeCoder.Gateway.Tests.Edits;

/// <summary>A finished carousel made through the API for an edit test, with the edit link its 202 answer carried.</summary>
internal sealed record EditableCarousel(string Id, string Token, Uri EditUrl, JsonElement Job)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Creates a carousel of <paramref name="slides"/> slides with <paramref name="client"/> and waits until it is finished.</summary>
    public static async Task<EditableCarousel> CreateAsync(HttpClient client, int slides = 5, string topic = "Five habits of calm engineers")
    {
        var response = await client.PostAsJsonAsync("/api/carousels", new { topic, slides }).WaitAsync(Timeout);
        response.EnsureSuccessStatusCode();
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        var edit = accepted.GetProperty("edit");
        var job = await client.GetFromJsonAsync<JsonElement>($"/api/carousels/{id}?waitSeconds=25").WaitAsync(Timeout);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        return new EditableCarousel(id, edit.GetProperty("token").GetString()!, new Uri(edit.GetProperty("url").GetString()!), job);
    }
}
