using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace LiaisonSite.Core.Mvc;

/// <summary>
/// Binds every DateOnly, DateTime and DateTimeOffset parameter (query, route, form) as usual but refuses a date
/// outside 1900–2999 with a model error, as if it could not be read. A date at the ends of the calendar
/// (0001-01-01, 9999-12-31) is never what a person means, and any arithmetic on it (a time-zone shift, "the day
/// after") overflows: that was a 500, it is now a form error, on every page at once.
/// </summary>
internal sealed class DateRangeModelBinderProvider : IModelBinderProvider
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            ? new DateRangeModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    public static bool InRange(object? value) => value switch
    {
        DateOnly d => d >= Earliest && d <= Latest,
        DateTime t => InRange(DateOnly.FromDateTime(t)),
        DateTimeOffset o => InRange(DateOnly.FromDateTime(o.UtcDateTime)),
        _ => true,
    };
}

internal sealed class DateRangeModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet && !DateRangeModelBinderProvider.InRange(bindingContext.Result.Model))
        {
            var S = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<DateRangeModelBinder>>();
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, S["Enter a date between {0:yyyy-MM-dd} and {1:yyyy-MM-dd}.",
                DateRangeModelBinderProvider.Earliest.ToDateTime(TimeOnly.MinValue), DateRangeModelBinderProvider.Latest.ToDateTime(TimeOnly.MinValue)]);
            bindingContext.Result = ModelBindingResult.Failed();
        }
    }
}
