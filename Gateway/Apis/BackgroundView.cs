namespace VibeCoder.Gateway.Apis;

/// <summary>A carousel's background photo as the API shows it.</summary>
/// <param name="ImageHash">The SHA-256 (lower-case hex) of the stored photo, as the upload's answer named it.</param>
/// <param name="FocusX">Where the crop centres, 0 (left) to 1 (right).</param>
/// <param name="FocusY">Where the crop centres, 0 (top) to 1 (bottom).</param>
/// <param name="AllSlides">True: every slide shows the photo; false: only the cover.</param>
public sealed record BackgroundView(string ImageHash, double FocusX, double FocusY, bool AllSlides);
