using Microsoft.Extensions.Configuration;

namespace VibeCoder.Content;

/// <summary>Fills <see cref="ContentOptions"/> from the environment-style root keys and the <c>Content</c> section.</summary>
internal static class ContentOptionsBinder
{
    public static void Bind(IConfiguration configuration, ContentOptions options)
    {
        configuration.GetSection(ContentOptions.SectionName).Bind(options);

        // The root keys are the documented environment variables; they win over anything in the section.
        if (configuration[ContentOptions.ApiKeyVariable] is { } apiKey)
        {
            options.ApiKey = apiKey.Trim();
        }

        if (configuration[ContentOptions.BaseUrlVariable] is { } baseUrl)
        {
            options.BaseUrl = string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.Trim();
        }

        if (configuration[ContentOptions.ModelVariable] is { } model)
        {
            // An empty variable means "not set", as shells and compose files often define it empty.
            options.Model = model.Length == 0 ? ContentOptions.DefaultModel : model.Trim();
        }
    }
}
