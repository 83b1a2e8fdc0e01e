using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content.OpenAi;

/// <summary>Reads the model's JSON answer into <see cref="CarouselContent"/>, saying precisely what is wrong when it can't.</summary>
internal static class CarouselJsonParser
{
    public static bool TryParse(
        string? text,
        string language,
        [NotNullWhen(true)] out CarouselContent? content,
        [NotNullWhen(false)] out string? error)
    {
        content = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the answer was empty";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(StripCodeFence(text));
            return TryRead(document.RootElement, language, out content, out error);
        }
        catch (JsonException e)
        {
            // JsonException's message names the line and byte position, which is what a model needs to fix it.
            error = "the answer is not valid JSON (" + e.Message + ")";
            return false;
        }
    }

    private static bool TryRead(JsonElement root, string language, out CarouselContent? content, out string? error)
    {
        content = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the answer must be a JSON object";
            return false;
        }

        if (!TryGetString(root, "title", out var title, out error)
            || !TryGetString(root, "caption", out var caption, out error))
        {
            return false;
        }

        if (!root.TryGetProperty("slides", out var slidesElement) || slidesElement.ValueKind != JsonValueKind.Array)
        {
            error = "the property \"slides\" must be an array";
            return false;
        }

        var slides = new List<SlideContent>();
        foreach (var slide in slidesElement.EnumerateArray())
        {
            var number = slides.Count + 1;
            if (slide.ValueKind != JsonValueKind.Object)
            {
                error = $"slide {number} must be an object";
                return false;
            }

            if (!TryGetString(slide, "heading", out var heading, out error)
                || !TryGetString(slide, "body", out var body, out error))
            {
                error = $"slide {number}: {error}";
                return false;
            }

            var kind = slide.TryGetProperty("kind", out var kindElement) && kindElement.ValueKind == JsonValueKind.String
                ? ParseKind(kindElement.GetString())
                : SlideKind.Content;
            slides.Add(new SlideContent(kind, heading, body));
        }

        var hashtags = new List<string>();
        if (root.TryGetProperty("hashtags", out var tagsElement))
        {
            if (tagsElement.ValueKind != JsonValueKind.Array)
            {
                error = "the property \"hashtags\" must be an array of strings";
                return false;
            }

            hashtags.AddRange(tagsElement.EnumerateArray()
                .Where(t => t.ValueKind == JsonValueKind.String)
                .Select(t => t.GetString() ?? string.Empty));
        }

        content = new CarouselContent(title, slides, caption, hashtags, language);
        error = null;
        return true;
    }

    private static bool TryGetString(JsonElement element, string name, out string value, out string? error)
    {
        if (element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
        {
            value = property.GetString() ?? string.Empty;
            error = null;
            return true;
        }

        value = string.Empty;
        error = $"the property \"{name}\" must be a string";
        return false;
    }

    private static SlideKind ParseKind(string? kind) =>
        kind?.Trim().Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "cover" => SlideKind.Cover,
            "list" => SlideKind.List,
            "quote" => SlideKind.Quote,
            "call_to_action" or "calltoaction" or "cta" => SlideKind.CallToAction,
            _ => SlideKind.Content,
        };

    // Servers that ignore response_format often wrap JSON in a Markdown fence; unwrapping it is a safe repair.
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLineEnd = trimmed.IndexOf('\n');
        var closing = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd > 0 && closing > firstLineEnd ? trimmed[(firstLineEnd + 1)..closing] : trimmed;
    }
}
