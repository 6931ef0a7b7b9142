namespace LiaisonSite.Core.Hosting;

/// <summary>Work a module needs done once at start, after migrations and before the first request.</summary>
public interface IStartupTask
{
    /// <summary>Lower runs first.</summary>
    int Order => 0;

    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>A verb of the command line (<c>dotnet LiaisonSite.dll recipe run file</c>).</summary>
public interface ICommandLineCommand
{
    /// <summary>The leading words, e.g. ["recipe", "run"].</summary>
    IReadOnlyList<string> Verb { get; }

    string Usage { get; }

    /// <summary>Runs with the words after the verb; returns the process exit code.</summary>
    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error);
}
