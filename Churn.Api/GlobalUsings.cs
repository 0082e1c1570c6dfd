global using Churn.Api.Validation;
global using Churn.Core.Serving;
global using Churn.Core.Storage;
global using Churn.Domain.Api;
global using Churn.Domain.Customers;
global using Churn.Domain.Models;
global using Churn.Domain.Predictions;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Mvc;

