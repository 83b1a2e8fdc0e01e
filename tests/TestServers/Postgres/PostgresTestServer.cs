using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace VibeCoder.TestServers.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests and benchmarks, started from the machine's own binaries
/// (<c>initdb</c>, <c>postgres</c> and <c>pg_ctl</c> under the newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, or
/// <c>$POSTGRES_BIN_DIR</c>) in a temporary folder, listening on a free port of 127.0.0.1 only, with durability
/// switched off for speed (<c>fsync</c>, <c>synchronous_commit</c>, <c>full_page_writes</c>). Run as root, it runs
/// the server as the <c>postgres</c> OS user (created when missing), since PostgreSQL refuses to run as root.
/// The server process is a child of this process; disposing stops it immediately (<c>pg_ctl stop -m immediate</c>)
/// and deletes the folder; a process exit without dispose stops it too.
/// </summary>
/// <remarks>
/// Fault injection: <see cref="StopServerAsync"/> and <see cref="StartServerAsync"/> take the server away and bring it
/// back on the same port with the same data (a restart); <see cref="PauseAsync"/> and <see cref="ResumeAsync"/> freeze
/// every server process (SIGSTOP/SIGCONT), so connections hang instead of failing, as with a stuck host or network.
/// </remarks>
/// <remarks>There is no fallback: missing binaries fail <see cref="StartAsync"/> with a message saying what to install.</remarks>
public sealed partial class PostgresTestServer : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private const string SuperUser = "postgres";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly bool _runAsPostgresUser;
    private readonly Queue<string> _serverOutput = new();
    private Process? _postmaster;
    private IReadOnlyList<string> _paused = [];
    private int _disposed;

    private PostgresTestServer(string binDirectory, string rootDirectory, bool runAsPostgresUser)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _runAsPostgresUser = runAsPostgresUser;
    }

    /// <summary>The port on 127.0.0.1 the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>A connection string to the server's <c>postgres</c> database as superuser <c>postgres</c> (trust authentication).</summary>
    public string ConnectionString => BuildConnectionString("postgres");

    private string DataDirectory => Path.Combine(_rootDirectory, "data");

    /// <summary>Creates, starts and waits for a new server.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing or the server did not start; the message says why.</exception>
    public static async Task<PostgresTestServer> StartAsync(CancellationToken cancellationToken)
    {
        var binDirectory = FindBinDirectory();
        var runAsPostgresUser = Environment.IsPrivilegedProcess;
        if (runAsPostgresUser)
        {
            await EnsureOsUserAsync(cancellationToken).ConfigureAwait(false);
        }

        var rootDirectory = Path.Combine(Path.GetTempPath(), "vibecoder-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(rootDirectory);
        var server = new PostgresTestServer(binDirectory, rootDirectory, runAsPostgresUser);
        try
        {
            if (runAsPostgresUser)
            {
                await RunAsync("chown", [$"{OsUser}:", rootDirectory], cancellationToken).ConfigureAwait(false);
            }

            await server.InitializeDataDirectoryAsync(cancellationToken).ConfigureAwait(false);

            // A free port can be taken by someone else before the server binds it; then try another.
            for (var attempt = 1; ; attempt++)
            {
                server.Port = FindFreePort();
                var (started, log) = await server.TryStartAsync(cancellationToken).ConfigureAwait(false);
                if (started)
                {
                    break;
                }

                if (attempt == 3 || !log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"PostgreSQL test server exited during start-up. Server output:\n{log}");
                }
            }

            AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
            return server;
        }
        catch
        {
            await server.StopAsync("immediate").ConfigureAwait(false);
            TryDeleteDirectory(rootDirectory);
            throw;
        }
    }

    /// <summary>Creates a new empty database and returns a connection string to it, so test classes can keep apart.</summary>
    /// <param name="name">Lowercase letters, digits and underscores, starting with a letter or underscore, at most 63 characters.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name ([a-z_][a-z0-9_]{{0,62}}).", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return BuildConnectionString(name);
    }

    /// <summary>Stops the server, keeping its data: clients see their connections end and new ones refused.</summary>
    /// <param name="immediate">
    /// True: as a crash (<c>-m immediate</c>, no checkpoint); false: as an orderly restart (<c>-m fast</c>: sessions are
    /// terminated with <c>57P01 admin_shutdown</c>).
    /// </param>
    public async Task StopServerAsync(bool immediate = false)
    {
        await ResumeAsync().ConfigureAwait(false); // a frozen server cannot shut down
        await StopAsync(immediate ? "immediate" : "fast").ConfigureAwait(false);
    }

    /// <summary>Starts the server again after <see cref="StopServerAsync"/>, on the same port with the same data.</summary>
    /// <exception cref="InvalidOperationException">It is running already, or did not start.</exception>
    public async Task StartServerAsync(CancellationToken cancellationToken = default)
    {
        if (_postmaster is not null)
        {
            throw new InvalidOperationException("The PostgreSQL test server is running already.");
        }

        var (started, log) = await TryStartAsync(cancellationToken).ConfigureAwait(false);
        if (!started)
        {
            throw new InvalidOperationException($"PostgreSQL test server did not start again on port {Port}. Server output:\n{log}");
        }
    }

    /// <summary>
    /// Freezes the postmaster and every backend (SIGSTOP): the port still accepts TCP connections, but nothing answers,
    /// so clients wait for their own timeouts.
    /// </summary>
    public async Task PauseAsync()
    {
        var processes = await ServerProcessIdsAsync().ConfigureAwait(false);
        if (processes.Count > 0)
        {
            await RunAsync("kill", ["-STOP", .. processes], CancellationToken.None).ConfigureAwait(false);

            // runuser (our child when root) stops itself when its child stops and waits for a SIGCONT of its own.
            _paused = _runAsPostgresUser && _postmaster is { } runuser
                ? [.. processes, runuser.Id.ToString(CultureInfo.InvariantCulture)]
                : processes;
        }
    }

    /// <summary>Undoes <see cref="PauseAsync"/> (SIGCONT); does nothing when not paused.</summary>
    public async Task ResumeAsync()
    {
        var paused = Interlocked.Exchange(ref _paused, []);
        if (paused.Count > 0)
        {
            // Some backends may have exited meanwhile (killed by a client's timeout): kill reports them; the rest continue.
            await RunProcessAsync(new ProcessStartInfo("kill", ["-CONT", .. paused]), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server (immediate shutdown) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await ResumeAsync().ConfigureAwait(false);
        await StopAsync("immediate").ConfigureAwait(false);
        TryDeleteDirectory(_rootDirectory);
    }

    // The postmaster's id is the first line of postmaster.pid (under runuser our child is runuser, not the postmaster);
    // its children are the backends and auxiliary processes.
    private async Task<IReadOnlyList<string>> ServerProcessIdsAsync()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (_postmaster is null || !File.Exists(pidFile))
        {
            return [];
        }

        var postmaster = (await File.ReadAllLinesAsync(pidFile).ConfigureAwait(false))[0].Trim();
        var (_, children) = await RunProcessAsync(new ProcessStartInfo("pgrep", ["-P", postmaster]), CancellationToken.None).ConfigureAwait(false);
        return [postmaster, .. children.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        IncludeErrorDetail = true,
        MaxPoolSize = 100,
    }.ConnectionString;

    private async Task InitializeDataDirectoryAsync(CancellationToken cancellationToken)
    {
        await RunServerToolAsync(
            "initdb",
            ["-D", DataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            cancellationToken).ConfigureAwait(false);

        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Throwaway test server: loopback only, no durability.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{_rootDirectory}'")
            .AppendLine("fsync = off")
            .AppendLine("synchronous_commit = off")
            .AppendLine("full_page_writes = off")
            .AppendLine("max_connections = 200")
            .AppendLine("log_min_messages = warning")
            .ToString();
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the postmaster as this process's child (so it is reaped when it exits) and polls until it accepts
    /// connections, it exits (say, the port was taken), or the deadline passes.
    /// </summary>
    private async Task<(bool Started, string Log)> TryStartAsync(CancellationToken cancellationToken)
    {
        lock (_serverOutput)
        {
            _serverOutput.Clear();
        }

        var info = ServerTool("postgres", ["-D", DataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture)]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var postmaster = Process.Start(info) ?? throw new InvalidOperationException("Could not start the PostgreSQL server process.");
        postmaster.OutputDataReceived += (_, line) => RecordServerOutput(line.Data);
        postmaster.ErrorDataReceived += (_, line) => RecordServerOutput(line.Data);
        postmaster.BeginOutputReadLine();
        postmaster.BeginErrorReadLine();
        _postmaster = postmaster;

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (postmaster.HasExited)
            {
                await postmaster.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                _postmaster = null;
                postmaster.Dispose();
                return (false, ServerOutput);
            }

            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=5");
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return (true, "");
            }
            catch (NpgsqlException) when (deadline.Elapsed < StartDeadline)
            {
                // Not accepting connections yet: probe again shortly (a readiness poll, not a synchronisation sleep).
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException exception)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL test server did not accept connections within {StartDeadline.TotalSeconds:0} s. Server output:\n{ServerOutput}", exception);
            }
        }
    }

    private string ServerOutput
    {
        get
        {
            lock (_serverOutput)
            {
                return string.Join('\n', _serverOutput);
            }
        }
    }

    private void RecordServerOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        // Keep the tail only: it is for error messages, and a long-lived server must not grow it without bound.
        lock (_serverOutput)
        {
            if (_serverOutput.Count == 200)
            {
                _serverOutput.Dequeue();
            }

            _serverOutput.Enqueue(line);
        }
    }

    private async Task StopAsync(string mode)
    {
        var postmaster = Interlocked.Exchange(ref _postmaster, null);
        if (postmaster is null)
        {
            return;
        }

        try
        {
            await RunProcessAsync(ServerTool("pg_ctl", ["-D", DataDirectory, "-m", mode, "-w", "stop"]), CancellationToken.None)
                .ConfigureAwait(false);
            await postmaster.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            // pg_ctl could not stop it: end the process this server started (by its id) rather than leave it running.
            postmaster.Kill(entireProcessTree: true);
        }
        finally
        {
            postmaster.Dispose();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunServerToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunProcessAsync(ServerTool(tool, arguments), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL test server: {tool} exited with {exitCode}:\n{output}");
        }
    }

    /// <summary>The start info for a server binary, run as the <c>postgres</c> OS user when this process is root.</summary>
    private ProcessStartInfo ServerTool(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory, tool);
        var info = new ProcessStartInfo(_runAsPostgresUser ? "runuser" : path) { WorkingDirectory = _rootDirectory };
        if (_runAsPostgresUser)
        {
            foreach (var argument in (string[])["-u", OsUser, "--", path])
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("POSTGRES_BIN_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return HasServerBinaries(configured)
                ? configured
                : throw new InvalidOperationException($"POSTGRES_BIN_DIR='{configured}' has no initdb and pg_ctl.");
        }

        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(directory => (Directory: directory, Version: double.TryParse(Path.GetFileName(directory), NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : -1))
                .Where(candidate => candidate.Version >= 0 && HasServerBinaries(Path.Combine(candidate.Directory, "bin")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Directory, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/<version>/bin. " +
            "The tests need a real PostgreSQL server: install it with `apt-get install -y postgresql` " +
            "(or set POSTGRES_BIN_DIR to a directory holding initdb and pg_ctl).");
    }

    private static bool HasServerBinaries(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")) && File.Exists(Path.Combine(directory, "postgres"));

    private static async Task EnsureOsUserAsync(CancellationToken cancellationToken)
    {
        var (exitCode, _) = await RunProcessAsync(new ProcessStartInfo("id", ["-u", OsUser]), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            await RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OsUser], cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunProcessAsync(new ProcessStartInfo(file, arguments), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL test server: {file} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(ProcessStartInfo info, CancellationToken cancellationToken)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false)));
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory is harmless; failing a test run over it is not.
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
