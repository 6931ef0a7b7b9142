global using Xunit;

// Organization's published contracts (PersonKind, AccessActions …) are used by many module tests.
global using Liaison.Organization.Contracts;
