using Liaison.Media.Storage;

namespace Liaison.Media.Processing;

/// <summary>All decode slots stayed busy longer than the wait; the message is a localizer key.</summary>
internal sealed class ImageBusyException() : Exception("The server is busy with other images. Try again in a minute.");

/// <summary>
/// The one way into <see cref="ImageProcessor.Process"/>: checks the header first (pixel count, before any
/// decoding), then decodes in one of <see cref="MediaOptions.MaxConcurrentDecodes"/> slots. A decoded image takes
/// about 4 bytes per pixel several times over, so six large uploads at once would take gigabytes; with the slots
/// the memory for images is bounded whatever the number of requests.
/// </summary>
public sealed class ImageDecodeGate(MediaOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentDecodes, options.MaxConcurrentDecodes);

    internal async Task<ProcessedImage> ProcessAsync(byte[] data, string? extension, CancellationToken cancellationToken)
    {
        ImageProcessor.CheckHeader(data, options.MaxPixels);
        if (!await _slots.WaitAsync(options.DecodeWait, cancellationToken))
        {
            throw new ImageBusyException();
        }

        try
        {
            return ImageProcessor.Process(data, extension, options.MaxPixels);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Takes a slot until the result is disposed (tests prove the limit with it).</summary>
    internal async Task<IDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
