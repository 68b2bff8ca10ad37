import { Button, DatePicker, Form, Input, Space } from 'antd';
import { FieldSelect } from '../../components/field-select';

/** The milestones of 交办, one line each (名称, 到期日, 责任单位), prefilled with the plan's defaults. */
export function MilestoneFields({ options }: { options: { value: string; label: string }[] }) {
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Space key={field.key} wrap align="start" role="group" aria-label={`里程碑 ${index + 1}`}>
              {/* A prefilled default keeps its id (y2023…) in the values sent. */}
              <Form.Item name={[field.name, 'milestoneId']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                label="里程碑名称"
                name={[field.name, 'title']}
                rules={[{ required: true, whitespace: true, message: '请填写里程碑名称' }]}
              >
                <Input style={{ width: 200 }} />
              </Form.Item>
              <Form.Item
                label="到期日"
                name={[field.name, 'dueDate']}
                rules={[{ required: true, message: '请选择到期日' }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item
                label="责任单位"
                name={[field.name, 'owner']}
                rules={[{ required: true, message: '请选择里程碑的责任单位' }]}
              >
                <FieldSelect<string> options={options} style={{ width: 180 }} showSearch />
              </Form.Item>
              <Button
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
                aria-label={`删除里程碑 ${index + 1}`}
              >
                删除
              </Button>
            </Space>
          ))}
          <Button onClick={() => add()} style={{ marginBottom: 16 }}>
            添加里程碑
          </Button>
        </>
      )}
    </Form.List>
  );
}
