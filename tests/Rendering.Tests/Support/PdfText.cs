using System.Diagnostics;

namespace VibeCoder.Rendering.Tests.Support;

/// <summary>Reads a PDF back with poppler's pdftotext and pdfinfo (Debian poppler-utils, installed by tests/run.sh).</summary>
internal static class PdfText
{
    /// <summary>The text pdftotext extracts, UTF-8.</summary>
    public static string Extract(byte[] pdf) => Run("pdftotext", pdf, "-enc UTF-8 {0} -");

    /// <summary>The page count pdfinfo reports.</summary>
    public static int PageCount(byte[] pdf)
    {
        string info = Run("pdfinfo", pdf, "{0}");
        string line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Run(string tool, byte[] pdf, string arguments)
    {
        string path = Path.Combine(Path.GetTempPath(), $"vibecoder-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, path))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using Process process = Process.Start(start)
                ?? throw new InvalidOperationException($"Could not start {tool} (Debian package poppler-utils).");
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(30_000))
            {
                process.Kill();
                throw new TimeoutException($"{tool} did not finish in 30 s.");
            }

            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {errors.Result}");
            return output.Result;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"{tool} is missing: install the Debian package poppler-utils (tests/run.sh does).", exception);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
