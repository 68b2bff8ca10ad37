import { Button, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';

const DANGER = { color: '#a8071a', borderColor: '#a8071a' };

interface Props<T> {
  /** The button's label, also the modal's title (e.g. 报送进展). */
  label: string;
  primary?: boolean;
  danger?: boolean;
  /** Sends the command; resolves true when done (the modal closes), false to stay with the input kept. */
  onSubmit(values: T, form: ReturnType<typeof Form.useForm<T>>[0]): Promise<boolean>;
  children?: ReactNode;
  initialValues?: Partial<T>;
}

/** A button that opens a small form for one command. The form survives a refused submit. */
export function CommandModal<T extends object>({
  label,
  primary,
  danger,
  onSubmit,
  children,
  initialValues,
}: Props<T>) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<T>();

  const submit = async (values: T) => {
    setBusy(true);
    const done = await onSubmit(values, form).finally(() => setBusy(false));
    if (done) {
      setOpen(false);
      form.resetFields();
    }
  };

  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        danger={danger}
        // antd's danger red on white is 3.3:1; a darker red keeps the 4.5:1 axe asks of text.
        style={danger && !primary ? DANGER : undefined}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Modal
        title={label}
        open={open}
        onCancel={() => setOpen(false)}
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        <Form<T> form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
          {children}
        </Form>
      </Modal>
    </>
  );
}
