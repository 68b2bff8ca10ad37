import { Button, Form, Input, List, Space, Upload } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { showError } from './show-error';

export type Evidence = components['schemas']['EvidenceDto'];

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx,.ofd';

/** Sends one file to POST /files; the answer's fileId is what a report references. */
export async function uploadEvidence(file: File): Promise<Evidence> {
  const body = new FormData();
  body.append('file', file, file.name);
  const uploaded = await unwrap(
    api.POST('/files', {
      body: body as unknown as components['schemas']['UploadFileDto'],
      bodySerializer: (b) => b as unknown as FormData,
    }),
  );
  return { fileId: uploaded.fileId, title: uploaded.name };
}

/**
 * 佐证材料 for a form: files uploaded at once (PDF, photos, Office documents, OFD) and, for paper
 * files, a 文号 or link. The value is the list of evidence the command carries.
 */
export function EvidenceField({
  value = [],
  onChange,
  id,
}: {
  value?: Evidence[];
  onChange?(v: Evidence[]): void;
  id?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [reference, setReference] = useState('');
  const add = (item: Evidence) => onChange?.([...value, item]);
  const addReference = () => {
    const text = reference.trim();
    if (!text) return;
    add(/^https?:\/\//.test(text) ? { title: text, url: text } : { title: text, documentRef: text });
    setReference('');
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        multiple
        customRequest={async ({ file }) => {
          setBusy(true);
          try {
            add(await uploadEvidence(file as File));
          } catch (error) {
            showError(error);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button id={id} loading={busy}>
          上传文件
        </Button>
      </Upload>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label="文号或链接"
          placeholder="纸质材料的文号或网址，如 连环发〔2023〕1号"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          onPressEnter={(e) => (e.preventDefault(), addReference())}
        />
        <Button onClick={addReference}>添加</Button>
      </Space.Compact>
      {value.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={value}
          renderItem={(item, index) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  size="small"
                  onClick={() => onChange?.(value.filter((_, i) => i !== index))}
                >
                  移除
                </Button>,
              ]}
            >
              {item.fileId ? '文件：' : '材料：'}
              {item.title ?? item.documentRef ?? item.url}
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

/**
 * The 佐证材料 item of a command's form (完成里程碑, 指标报送): required, at least one file or 文号,
 * as the api requires evidence for both. The form's field is `evidence`.
 */
export function EvidenceFormItem() {
  return (
    <Form.Item
      label="佐证材料"
      name="evidence"
      extra="上传文件（PDF、图片、Word/Excel/PPT、OFD），或填写纸质材料的文号、网址"
      rules={[{ required: true, type: 'array', min: 1, message: '请提供佐证材料' }]}
    >
      <EvidenceField />
    </Form.Item>
  );
}
