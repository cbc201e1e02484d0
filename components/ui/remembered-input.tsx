'use client';

import { TextInput } from '@/components/ui/fields';
import { useTypedValue } from '@/components/ui/form-state';

/** A text input that shows again what was typed when its form was refused (also without JavaScript). */
export function RememberedInput(props: React.InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const typed = useTypedValue(props.name);
  return <TextInput {...props} defaultValue={typed ?? props.defaultValue} />;
}
