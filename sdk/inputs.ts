import * as pulumi from "@pulumi/pulumi";
import { RESOURCE_META, type ResourceType } from "../provider/generated/schema";

/**
 * The property bag the engine gets: the arguments, `name` defaulting to `adoptName` or else the resource name, secrets
 * wrapped, the identity (the resource's URN, for the tag that prevents duplicates) and every output
 * property so that it is registered.
 */
export function resourceInputs(
  type: ResourceType,
  name: string,
  args: object,
  opts: pulumi.CustomResourceOptions,
): pulumi.Inputs {
  const meta = RESOURCE_META[type];
  const props: pulumi.Inputs = {};
  for (const key of meta.outputs) props[key] = undefined;
  for (const [key, value] of Object.entries(args)) {
    props[key] = meta.secrets.includes(key) && value !== undefined ? pulumi.secret(value) : value;
  }
  if (meta.inputs.includes("name") && props.name === undefined) props.name = props.adoptName ?? name;
  props.identity = pulumi.createUrn(name, meta.dynamicToken, opts.parent);
  return props;
}

/** Secret inputs stay secret as outputs, even when the program passed them in plain text. */
export function resourceOptions(
  type: ResourceType,
  opts: pulumi.CustomResourceOptions,
): pulumi.CustomResourceOptions {
  const secrets = RESOURCE_META[type].secrets;
  if (secrets.length === 0) return opts;
  return { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...secrets] };
}
