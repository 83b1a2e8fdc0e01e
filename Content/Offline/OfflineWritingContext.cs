namespace VibeCoder.Content.Offline;

/// <summary>What a template needs to write one slide: the topic, its quoted inline form and the seeded chooser.</summary>
/// <param name="Topic">The topic's forms.</param>
/// <param name="Quoted">The inline topic in the language's quotation marks, e.g. “winter running” or «бег зимой».</param>
/// <param name="Random">The request's deterministic chooser.</param>
/// <param name="ContentSlideCount">How many slides sit between the cover and the call to action.</param>
internal sealed record OfflineWritingContext(
    TopicPhrase Topic,
    string Quoted,
    DeterministicRandom Random,
    int ContentSlideCount)
{
    public string Pick(params string[] variants) => Random.Pick(variants);
}
