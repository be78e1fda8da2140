import Ajv, { type ValidateFunction } from "ajv";
import type { FastifySchemaCompiler } from "fastify";

/**
 * Two validators, because the two kinds of input differ. Query strings and path parameters are text, so
 * "10" may become the integer 10 and one `tag` a list of one. A JSON body is typed already: coercing it
 * turned `null` into 0, "" or [""], and silently dropping undeclared fields hid a takeover attempt, so a
 * body is checked as it is and an undeclared field is refused (decision 0105).
 */
const bodyAjv = new Ajv({
  verbose: true,
  coerceTypes: false,
  useDefaults: true,
  removeAdditional: false,
  strict: false,
});
const textAjv = new Ajv({
  verbose: true,
  coerceTypes: "array",
  useDefaults: true,
  removeAdditional: true,
  strict: false,
});

export const validatorCompiler: FastifySchemaCompiler<Record<string, unknown>> = ({ schema, httpPart }) => {
  const compiled: ValidateFunction = (httpPart === "body" ? bodyAjv : textAjv).compile(schema);
  return compiled;
};
