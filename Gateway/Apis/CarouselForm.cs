using System.Globalization;

namespace VibeCoder.Gateway.Apis;

/// <summary>
/// A <c>multipart/form-data</c> <c>POST /api/carousels</c>: the JSON body's fields as form fields (<c>topic</c>,
/// <c>slides</c>, <c>theme</c>, <c>language</c>, <c>userId</c>, <c>size</c>, <c>footerHandle</c>), an optional image
/// file in <see cref="FileField"/>, and how to place it: <c>focus</c> (<see cref="BackgroundFocus"/>) and
/// <c>allSlides</c> (<c>true</c>: every slide, default: the cover only).
/// </summary>
/// <param name="Body">The fields the JSON body would carry.</param>
/// <param name="Background">The uploaded image, or null.</param>
/// <param name="Focus">Where the crop centres, 0–1 across and down.</param>
/// <param name="AllSlides">Whether every slide shows the image.</param>
public sealed record CarouselForm(CreateCarouselBody Body, IFormFile? Background, (double X, double Y) Focus, bool AllSlides)
{
    /// <summary>The form field carrying the image file.</summary>
    public const string FileField = "background";

    /// <summary>Reads the form; returns null and the errors by field when a field cannot be read.</summary>
    public static (CarouselForm? Form, Dictionary<string, string[]> Errors) Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        int? slides = null;
        if (Field(form, "slides") is { } slidesText)
        {
            if (int.TryParse(slidesText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                slides = count;
            }
            else
            {
                errors["slides"] = ["Slides must be a whole number."];
            }
        }

        if (!BackgroundFocus.TryParse(Field(form, "focus"), out var focus))
        {
            errors["focus"] = [$"Focus is one of {string.Join(", ", BackgroundFocus.CellNames)}, or \"x,y\" with both between 0 and 1."];
        }

        var allSlides = false;
        if (Field(form, "allSlides") is { } allText && !bool.TryParse(allText, out allSlides))
        {
            errors["allSlides"] = ["allSlides is true or false."];
        }

        if (form.Files.Count > 1 || form.Files.Any(f => f.Name != FileField))
        {
            errors[FileField] = [$"Send at most one file, in the field '{FileField}'."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var body = new CreateCarouselBody(
            Field(form, "topic"), slides, Field(form, "theme"), Field(form, "language"), Field(form, "userId"), Field(form, "size"), Field(form, "footerHandle"));
        return (new CarouselForm(body, form.Files.GetFile(FileField), focus, allSlides), errors);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
