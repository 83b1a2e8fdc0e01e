using VibeCoder.Content;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Gateway.Apis;

/// <summary>Turns an API body into a <see cref="CarouselRequest"/>, or into field errors for problem+json.</summary>
public static class CarouselRequestValidator
{
    /// <summary>Validates; returns the request, or null and the errors by field.</summary>
    public static (CarouselRequest? Request, Dictionary<string, string[]> Errors) Validate(CreateCarouselBody body, UserSettings defaults)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(defaults);
        var errors = new Dictionary<string, string[]>();
        if (!TopicText.TryNormalize(body.Topic, out var topic, out var topicError))
        {
            errors["topic"] = [topicError];
        }

        var slides = body.Slides ?? defaults.SlideCount;
        if (slides is < UserSettings.MinSlideCount or > UserSettings.MaxSlideCount)
        {
            errors["slides"] = [$"Slides must be between {UserSettings.MinSlideCount} and {UserSettings.MaxSlideCount}."];
        }

        var theme = body.Theme?.Trim().ToLowerInvariant() ?? defaults.Theme;
        if (!SlideThemes.TryGet(theme, out _))
        {
            errors["theme"] = [$"Unknown theme '{body.Theme}'. Choose one of: {string.Join(", ", SlideThemes.Names)}."];
        }

        var language = body.Language?.Trim().ToLowerInvariant() ?? defaults.Language;
        if (language is not ("ru" or "en" or "auto"))
        {
            errors["language"] = ["Language must be ru, en or auto."];
        }

        SlideSize size = defaults.Size;
        switch (body.Size?.Trim().ToLowerInvariant())
        {
            case null:
                break;
            case "portrait" or "1080x1350":
                size = SlideSize.Portrait;
                break;
            case "square" or "1080x1080":
                size = SlideSize.Square;
                break;
            default:
                errors["size"] = ["Size must be portrait (1080×1350) or square (1080×1080)."];
                break;
        }

        if (body.UserId is { } userId && (userId.Length is 0 or > 64 || userId.Any(char.IsControl)))
        {
            errors["userId"] = ["A user id is 1–64 printable characters."];
        }

        var footer = body.FooterHandle?.Trim() ?? defaults.FooterHandle;
        if (footer is { Length: > 40 } || footer?.Any(char.IsControl) == true)
        {
            errors["footerHandle"] = ["The footer handle is at most 40 printable characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var design = new RenderOptions(theme, size, string.IsNullOrEmpty(footer) ? null : footer, defaults.Brand);
        return (new CarouselRequest(topic, slides, language, design, body.UserId, null), errors);
    }
}
