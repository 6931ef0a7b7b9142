using System.Globalization;

namespace LiaisonSite.Core.Localization;

/// <summary>
/// Text that is stored (a title, a public notice) is written in the site's language, Chinese, whatever the UI
/// language of the request that writes it, or of setup and recipes, which run outside any request.
/// </summary>
public static class SiteLanguage
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");

    public static T Write<T>(Func<T> text) => In(Culture, text);

    /// <summary>The culture a site setting names (<c>DefaultCulture</c>); Chinese when it names none or none known.</summary>
    public static CultureInfo Of(string? name)
    {
        try
        {
            return string.IsNullOrWhiteSpace(name) ? Culture : CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return Culture;
        }
    }

    /// <summary>The text as it reads in <paramref name="culture"/>, such as an import accepting English names too.</summary>
    public static T In<T>(CultureInfo culture, Func<T> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public static async Task<T> WriteAsync<T>(Func<Task<T>> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture;
        try
        {
            return await text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
