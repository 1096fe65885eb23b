import { Field, Input, invalidProps, Select, Textarea } from "./field";

/**
 * Labelled controls for the portal's smaller forms (admin, window): one line per field
 * instead of a Field, its control and the control's aria wiring written out each time.
 */

/** What a labelled control takes besides its own attributes; `id` defaults to `name`. */
interface Labelled {
  label: string;
  name: string;
  id?: string;
  /** Marks the label (the check is the schema's; the control gets no `required`). */
  required?: boolean;
  hint?: string;
  error?: string;
  /** The class of the Field around the control (`className` is the control's own). */
  fieldClassName?: string;
}

type With<Attributes> = Omit<Attributes, "id" | "name"> & Labelled;

/** A control's own attributes, with its id and name. */
type Control<P> = Omit<P, keyof Labelled> & { id: string; name: string };

/** The Field around one control, which gets its id, name and, with an error, aria-invalid pointing at it. */
function labelled<P extends Labelled>(props: P, control: (attributes: Control<P>) => React.ReactNode) {
  const { label, error, hint, required, fieldClassName, ...attributes } = props;
  const id = attributes.id ?? attributes.name;
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint} required={required} className={fieldClassName}>
      {control({ ...attributes, id, ...invalidProps(id, error) } as Control<P>)}
    </Field>
  );
}

export function TextField(props: With<React.InputHTMLAttributes<HTMLInputElement>>) {
  return labelled(props, (attributes) => <Input {...attributes} />);
}

export function TextareaField(props: With<React.TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return labelled(props, (attributes) => <Textarea {...attributes} />);
}

export interface Choice {
  value: string;
  label: string;
}

/** A choice among `options`; `blank` is the label of an empty first choice (none without it). */
export function SelectField({
  options,
  blank,
  ...props
}: With<React.SelectHTMLAttributes<HTMLSelectElement>> & { options: readonly Choice[]; blank?: string }) {
  return labelled(props, (attributes) => (
    <Select {...attributes}>
      {blank !== undefined && <option value="">{blank}</option>}
      {options.map(({ value, label }) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </Select>
  ));
}

/**
 * A form's fields by name, each with its error from `errors` (a useAction's `fields`):
 * `<TextField {...field("dueDate", "c-due")} label=… />`; the id defaults to the name.
 */
export const fieldsOf =
  (errors: Record<string, string>) =>
  (name: string, id = name) => ({ name, id, error: errors[name] });
