using System.Diagnostics;
using System.Globalization;

namespace VibeCoder.TestServers.Storage;

/// <summary>
/// A folder on its own small tmpfs, for files (a SQLite database) whose disk is to fail under them: <see cref="Fill"/>
/// takes every free byte (writes then fail with ENOSPC, SQLite's <c>SQLITE_FULL</c>), <see cref="Free"/> gives it back;
/// <see cref="MakeReadOnly"/> marks a file immutable (<c>chattr +i</c>: new opens for writing fail with EPERM even for
/// root, which file modes would not stop). Disposing unmounts and deletes the folder.
/// </summary>
/// <remarks>Mounting needs root (or CAP_SYS_ADMIN), as in CI; <see cref="Create"/> says so when it is not allowed.</remarks>
public sealed class SmallDiskFolder : IDisposable
{
    private const string FillerName = ".filler";

    private SmallDiskFolder(string path) => Path = path;

    /// <summary>The mounted folder.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> MiB on a new temporary folder.</summary>
    /// <exception cref="InvalidOperationException">The mount failed (not root?); the message has mount's output.</exception>
    public static SmallDiskFolder Create(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vibecoder-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (exitCode, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes.ToString(CultureInfo.InvariantCulture)}m,mode=0777", "tmpfs", path);
        if (exitCode != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException(
                $"Could not mount a {megabytes} MiB tmpfs at {path} (the fault tests need root or CAP_SYS_ADMIN): {output}");
        }

        return new SmallDiskFolder(path);
    }

    /// <summary>Free bytes left on the folder's filesystem.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>Writes a filler file until the filesystem is full (ENOSPC).</summary>
    public void Fill()
    {
        var chunk = new byte[1024 * 1024];
        using var filler = new FileStream(System.IO.Path.Combine(Path, FillerName), FileMode.Append, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException)
        {
            // The disk is full: the point. Top up the last partial megabyte a byte block at a time.
            for (var size = chunk.Length / 2; size >= 512; size /= 2)
            {
                try
                {
                    filler.Write(chunk, 0, size);
                }
                catch (IOException)
                {
                    // That much did not fit; try a smaller block.
                }
            }
        }
    }

    /// <summary>Deletes the filler: the space is back.</summary>
    public void Free() => File.Delete(System.IO.Path.Combine(Path, FillerName));

    /// <summary>Marks <paramref name="file"/> immutable: opening it for writing fails from now on (open handles keep working).</summary>
    public static void MakeReadOnly(string file) => RunOrThrow("chattr", "+i", file);

    /// <summary>Undoes <see cref="MakeReadOnly"/>.</summary>
    public static void MakeWritable(string file) => RunOrThrow("chattr", "-i", file);

    /// <summary>Unmounts (lazily, should a handle still be open) and deletes the folder.</summary>
    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            Run("chattr", "-i", file);
        }

        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A lazily unmounted folder may still be busy for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static void RunOrThrow(string file, params string[] arguments)
    {
        var (exitCode, output) = Run(file, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {exitCode}: {output}");
        }
    }

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
