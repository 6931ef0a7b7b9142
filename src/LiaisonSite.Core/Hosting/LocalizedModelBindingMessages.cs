using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LiaisonSite.Core.Hosting;

/// <summary>Model binding's own messages ("the value is not valid") in the user's language.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var S = factory.Create(typeof(LocalizedModelBindingMessages));
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(value => S["The value '{0}' is not valid.", value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => S["The value '{0}' is not valid for {1}.", value, field]);
        messages.SetValueMustBeANumberAccessor(field => S["The field {0} must be a number.", field]);
        messages.SetMissingBindRequiredValueAccessor(field => S["A value for {0} was not provided.", field]);
        messages.SetMissingKeyOrValueAccessor(() => S["A value is required."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => S["A non-empty request body is required."]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => S["The value '{0}' is not valid.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => S["The supplied value is invalid."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => S["The field must be a number."]);
        messages.SetUnknownValueIsInvalidAccessor(field => S["The supplied value is invalid for {0}.", field]);
        messages.SetValueMustNotBeNullAccessor(value => S["The value '{0}' is invalid.", value]);
    }
}
