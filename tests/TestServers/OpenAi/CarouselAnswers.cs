using System.Text.Json;

namespace VibeCoder.TestServers.OpenAi;

/// <summary>Model answers the product accepts: a carousel in the JSON shape its schema asks for.</summary>
public static class CarouselAnswers
{
    /// <summary>A valid carousel with <paramref name="slides"/> slides (cover, content, call to action).</summary>
    /// <param name="slides">The slide count the request asked for (3–20).</param>
    /// <param name="title">The carousel's title (and the cover's heading).</param>
    /// <returns>A 200 chat completion carrying the carousel.</returns>
    public static ScriptedChatResponse Valid(int slides, string title = "Morning routines that stick")
    {
        var items = Enumerable.Range(1, slides).Select(i => new
        {
            kind = i == 1 ? "cover" : i == slides ? "call_to_action" : "content",
            heading = i == 1 ? title : i == slides ? "Save this for tomorrow" : $"Step {i - 1}: start small",
            body = i == slides ? "Follow for more routines that work." : "Pick one habit and attach it to something you already do every morning.",
        }).ToArray();
        var json = JsonSerializer.Serialize(new
        {
            title,
            slides = items,
            caption = "Small steps, every morning. Which one will you try first?",
            hashtags = new[] { "#morning", "#routine", "#habits" },
        });
        return ScriptedChatResponse.Success(json);
    }
}
