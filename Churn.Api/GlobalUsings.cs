global using Churn.Api.Contracts;
global using Churn.Core.Customers;
global using Churn.Core.Models;
global using Churn.Core.Pipeline;
global using Churn.Core.Scoring;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Mvc;
