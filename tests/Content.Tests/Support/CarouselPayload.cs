namespace VibeCoder.Content.Tests.Support;

/// <summary>Builds the JSON object a model is asked to return, valid by default, for scripting the stand-in.</summary>
internal static class CarouselPayload
{
    public static Dictionary<string, object?> Valid(int slideCount, string language = "en")
    {
        var slides = new List<Dictionary<string, object?>>();
        for (var i = 1; i <= slideCount; i++)
        {
            var kind = i == 1 ? "cover" : i == slideCount ? "call_to_action" : (i % 3) switch { 0 => "list", 1 => "quote", _ => "content" };
            slides.Add(Slide(kind, language == "ru" ? $"Заголовок {i}" : $"Heading {i}", language == "ru" ? $"Текст слайда {i}." : $"Body of slide {i}."));
        }

        return new Dictionary<string, object?>
        {
            ["title"] = language == "ru" ? "Бег зимой" : "Winter running",
            ["slides"] = slides,
            ["caption"] = language == "ru" ? "Всё о беге зимой." : "All about running in winter.",
            ["hashtags"] = new[] { "#running", "#winter" },
        };
    }

    public static Dictionary<string, object?> Slide(string kind, string heading, string body) => new()
    {
        ["kind"] = kind,
        ["heading"] = heading,
        ["body"] = body,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> payload, string key, object? value)
    {
        var copy = new Dictionary<string, object?>(payload) { [key] = value };
        return copy;
    }

    public static Dictionary<string, object?> WithSlide(this Dictionary<string, object?> payload, int index, Dictionary<string, object?> slide)
    {
        var slides = new List<Dictionary<string, object?>>((List<Dictionary<string, object?>>)payload["slides"]!) { [index] = slide };
        return payload.With("slides", slides);
    }
}
