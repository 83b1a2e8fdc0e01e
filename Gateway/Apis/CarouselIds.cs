using Microsoft.AspNetCore.Http.HttpResults;

namespace VibeCoder.Gateway.Apis;

/// <summary>Job ids in routes: 32 lower-case hex digits; anything else is answered 404 without a grain call.</summary>
internal static class CarouselIds
{
    public static bool IsJobId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Carousel not found", detail: $"No carousel has the id '{id}'.");
}
