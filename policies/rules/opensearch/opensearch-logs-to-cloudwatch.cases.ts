import { judgedByAwsConfig, LOG_PUBLISHING_AWS_CONFIG, logPublishingCases } from "../cases";

export default judgedByAwsConfig(logPublishingCases("aws:opensearch/domain:Domain", "ES_APPLICATION_LOGS"), LOG_PUBLISHING_AWS_CONFIG);
