// The physical limit for bench/load: a minimal Kestrel app that answers each captured path with the very bytes (and
// content type) the site served for it, from memory. Usage: Liaison.Limit <folder> <url>, where the folder holds
// index.tsv (path, file name, content type per line) and the files; bench/load/run.sh captures them.
var folder = args[0];
var responses = File.ReadAllLines(Path.Combine(folder, "index.tsv"))
    .Select(line => line.Split('\t'))
    .ToDictionary(f => f[0], f => (Body: File.ReadAllBytes(Path.Combine(folder, f[1])), ContentType: f[2]), StringComparer.Ordinal);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[1]);
var app = builder.Build();
app.Run(async context =>
{
    var key = context.Request.Path + context.Request.QueryString;
    if (!responses.TryGetValue(key, out var response))
    {
        context.Response.StatusCode = 404;
        return;
    }

    context.Response.ContentType = response.ContentType;
    context.Response.ContentLength = response.Body.Length;
    await context.Response.Body.WriteAsync(response.Body);
});
app.Run();
