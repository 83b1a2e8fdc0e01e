using System.Globalization;

namespace VibeCoder.Bench;

/// <summary>Common command-line settings of the scenarios.</summary>
/// <param name="Seconds">How long a timed phase runs (default 10).</param>
/// <param name="Count">A size override (grains, carousels, chats, …) or null for the scenario's default.</param>
/// <param name="Storage">
/// <c>STORAGE</c> for the scenarios that run the real gateway (<c>sqlite</c> unless given; <c>memory</c> to measure the
/// service without its database).
/// </param>
internal sealed record BenchArguments(double Seconds, int? Count, string Storage)
{
    /// <summary>Whether <c>--seconds</c> was given (scenarios with a longer default of their own use it then).</summary>
    public bool SecondsGiven { get; init; }

    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public static BenchArguments Parse(string[] args)
    {
        double seconds = 10;
        int? count = null;
        var storage = "sqlite";
        var secondsGiven = false;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--seconds":
                    seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    secondsGiven = true;
                    break;
                case "--count":
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--storage":
                    storage = args[++i];
                    break;
            }
        }

        return new BenchArguments(seconds, count, storage) { SecondsGiven = secondsGiven };
    }
}
