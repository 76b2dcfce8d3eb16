// sagemaker rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import sagemakerEndpointConfigProdInstanceCount from "./sagemaker-endpoint-config-prod-instance-count";
import sagemakerModelIsolationEnabled from "./sagemaker-model-isolation-enabled";
import sagemakerNotebookInstanceInsideVpc from "./sagemaker-notebook-instance-inside-vpc";
import sagemakerNotebookInstanceRootAccessCheck from "./sagemaker-notebook-instance-root-access-check";
import sagemakerNotebookNoDirectInternetAccess from "./sagemaker-notebook-no-direct-internet-access";

export const rules: readonly Rule[] = [sagemakerEndpointConfigProdInstanceCount, sagemakerModelIsolationEnabled, sagemakerNotebookInstanceInsideVpc, sagemakerNotebookInstanceRootAccessCheck, sagemakerNotebookNoDirectInternetAccess];
