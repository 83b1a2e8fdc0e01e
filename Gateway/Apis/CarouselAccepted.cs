namespace VibeCoder.Gateway.Apis;

/// <summary>The 202 answer to <c>POST /api/carousels</c>.</summary>
/// <param name="Id">The job.</param>
/// <param name="Status">Its status.</param>
/// <param name="Edit">
/// The creator's signed link to edit the carousel once it is finished (anonymous creators have no other way to prove it
/// is theirs): its token goes in <c>X-Edit-Token</c>, its URL opens the page editor.
/// </param>
public sealed record CarouselAccepted(string Id, string Status, EditLinkView? Edit = null);
