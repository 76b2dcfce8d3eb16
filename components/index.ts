// Kamae's components: one capability folder each. Shared building blocks are exported for users composing their own.
export { ResponderFunction, ResponderFunctionArgs, LAMBDA_RUNTIME } from "./shared/lambda/responder-function";
