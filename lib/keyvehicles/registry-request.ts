import "server-only";
import { can, type Actor } from "@/lib/auth/actor";
import { registryOptions } from "@/lib/keyvehicles/registry";
import { listKeySchema, type ListKeyInput } from "@/lib/keyvehicles/schemas";
import { orNotFound } from "@/lib/pages";
import { listRequest } from "@/lib/records/list-request";

/**
 * What a key-vehicle or driver list page starts from (null without `keyvehicle.view`): the
 * list request, one page of the list (`list`; a filter's unit outside scope is a 404), the
 * enterprises to choose from in its dialogs, and whether the user may manage the registry.
 */
export async function registryRequest<P>({
  searchParams,
  list,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
  list: (args: { actor: Actor; input: ListKeyInput }) => Promise<P>;
}) {
  const request = await listRequest({ view: "keyvehicle.view", schema: listKeySchema, searchParams });
  if (!request) return null;
  const { user, input } = request;
  const [page, enterprises] = await Promise.all([
    orNotFound(list({ actor: user, input })),
    registryOptions(user).then((o) => o.enterprises),
  ]);
  return { ...request, page, enterprises, manage: can(user, "keyvehicle.manage") };
}
