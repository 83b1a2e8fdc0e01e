namespace VibeCoder.Content.OpenAi;

/// <summary>The JSON schema the model's answer must follow (OpenAI structured outputs, strict mode).</summary>
/// <remarks>
/// Strict mode wants every property required and no extra ones; the length limits are not expressible there, so
/// the prompt states them and <see cref="CarouselContentValidator"/> enforces them.
/// </remarks>
internal static class CarouselJsonSchema
{
    public const string Name = "instagram_carousel";

    public const string Description = "An Instagram carousel: slides in order, caption and hashtags.";

    public static BinaryData Schema { get; } = BinaryData.FromString(
        """
        {
          "type": "object",
          "properties": {
            "title": { "type": "string", "description": "The carousel's title, at most 90 characters." },
            "slides": {
              "type": "array",
              "description": "The slides in order: cover first, call to action last.",
              "items": {
                "type": "object",
                "properties": {
                  "kind": { "type": "string", "enum": ["cover", "content", "list", "quote", "call_to_action"] },
                  "heading": { "type": "string", "description": "At most 90 characters." },
                  "body": { "type": "string", "description": "At most 600 characters; for a list, one item per line." }
                },
                "required": ["kind", "heading", "body"],
                "additionalProperties": false
              }
            },
            "caption": { "type": "string", "description": "The Instagram caption without hashtags, at most 2200 characters." },
            "hashtags": {
              "type": "array",
              "description": "At most 5 hashtags, each '#' followed by letters or digits.",
              "items": { "type": "string" }
            }
          },
          "required": ["title", "slides", "caption", "hashtags"],
          "additionalProperties": false
        }
        """);
}
