// Kamae's components, one capability folder each. This is the package entry (`import * as kamae from "kamae"`) and the
// module Pulumi reads to infer the multi-language schema: export components, their args and plain helpers only.
